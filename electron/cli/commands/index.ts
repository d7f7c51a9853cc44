import type { CliCommand } from '../command';
import { serveCommand } from './serve';
import { exportCommand } from './export';
import {
  rulesetsAdoptCommand,
  rulesetsCommand,
  rulesetsCopyCommand,
  rulesetsExportCommand,
  rulesetsImportCommand,
  rulesetsListCommand,
  rulesetsValidateCommand,
} from './rulesets';
import { newCommand } from './new';
import { targetsAddCommand, targetsImportCommand, targetsListCommand } from './targets';
import { findingsAddCommand, findingsImportCommand } from './findings';
import { scoreCommand } from './score';
import { verifyCommand } from './verify';
import { checkCommand } from './check';
import { demoCommand } from './demo';
import { monitorCommand } from './monitor';
import { selfevalDiffCommand, selfevalImportCommand, selfevalTemplateCommand } from './selfeval';
import { feedbackCommand } from './feedback';
import {
  reviewRequestAddCommand,
  reviewRequestDecideCommand,
  reviewRequestExportCommand,
  reviewRequestListCommand,
} from './review-request';
import { reviewDoneCommand, reviewUndoCommand } from './review';
import { settingsCommand } from './settings';

/** Every CLI command, one module each. Add a command by importing it here. */
export const commands: readonly CliCommand[] = [
  rulesetsCommand,
  newCommand,
  targetsAddCommand,
  targetsImportCommand,
  targetsListCommand,
  findingsAddCommand,
  findingsImportCommand,
  scoreCommand,
  verifyCommand,
  checkCommand,
  monitorCommand,
  selfevalTemplateCommand,
  selfevalImportCommand,
  selfevalDiffCommand,
  exportCommand,
  serveCommand,
  demoCommand,
  feedbackCommand,
  reviewRequestAddCommand,
  reviewRequestListCommand,
  reviewRequestDecideCommand,
  reviewRequestExportCommand,
  reviewDoneCommand,
  reviewUndoCommand,
  settingsCommand,
  // Ruleset library (issue 16).
  rulesetsListCommand,
  rulesetsImportCommand,
  rulesetsValidateCommand,
  rulesetsExportCommand,
  rulesetsCopyCommand,
  rulesetsAdoptCommand,
];
