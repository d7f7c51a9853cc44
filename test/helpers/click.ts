import type { ElementHandle, Page } from 'puppeteer-core';

/**
 * Clicks an element once it is visible and has stopped moving: antd dropdowns
 * and dialogs animate in, and a click during the animation lands nowhere.
 */
export async function clickStable(page: Page, selector: string): Promise<ElementHandle> {
  const handle = (await page.waitForSelector(selector, { visible: true }))!;
  await page.waitForFunction(
    (el) =>
      new Promise<boolean>((resolve) => {
        const a = (el as Element).getBoundingClientRect();
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const b = (el as Element).getBoundingClientRect();
            let opaque = true;
            for (let n: Element | null = el as Element; n; n = n.parentElement) if (getComputedStyle(n).opacity !== '1') opaque = false;
            resolve(a.x === b.x && a.y === b.y && a.width === b.width && b.width > 0 && opaque);
          }),
        );
      }),
    { polling: 50 },
    handle,
  );
  await handle.click();
  return handle;
}
