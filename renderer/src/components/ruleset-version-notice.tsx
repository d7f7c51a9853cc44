import { useState } from 'react';
import { Alert, Button, Input, Modal } from 'antd';
import { api } from '../api/client';
import { useCall } from '../use-call';

/**
 * Shown when the assessment's library ruleset has a newer version: the assessment
 * keeps its snapshot until the reviewer adopts the new one, with a reason that goes
 * into the history.
 */
export function RulesetVersionNotice({ id, onAdopted }: { id: string; onAdopted: () => void }) {
  const status = useCall(() => api.assessment.rulesetStatus({ id }), [id]);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const s = status.data;
  if (!s?.libraryVersion || !s.latest || s.latest <= s.libraryVersion) return null;
  const adopt = async () => {
    try {
      await api.assessment.adoptRuleset({ id, version: s.latest!, reason });
      setOpen(false);
      await status.reload();
      onAdopted();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <Alert
        style={{ marginBottom: 16 }}
        type="info"
        showIcon
        data-testid="ruleset-newer"
        message={`考评方案 ${s.rulesetId} 已有第 ${s.latest} 版；本次考评仍按第 ${s.libraryVersion} 版计分（方案快照不随方案库变化）。`}
        action={
          <Button size="small" onClick={() => setOpen(true)}>
            采用新版本
          </Button>
        }
      />
      <Modal
        title={`采用第 ${s.latest} 版`}
        open={open}
        onOk={adopt}
        onCancel={() => setOpen(false)}
        okText="采用并记入历史"
        cancelText="取消"
        okButtonProps={{ disabled: !reason.trim() }}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} />}
        <Input.TextArea placeholder="采用原因（记入历史）" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
