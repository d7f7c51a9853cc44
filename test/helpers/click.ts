import type { ElementHandle, Page } from 'puppeteer-core';

/**
 * Clicks an element once it is visible, has stopped moving and no toast or
 * closing dialog covers its centre: antd dropdowns and dialogs animate in and
 * out, and a toast can sit over a button for seconds; a click then lands on
 * something else.
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
            // A toast, or the mask of a dialog still fading out, over the element takes the click: wait for it to go.
            const top = document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2);
            const overlay = top?.closest('.ant-message, .ant-notification, .ant-modal-wrap, .ant-modal-mask');
            const underOverlay = !!overlay && !overlay.contains(el as Element);
            resolve(a.x === b.x && a.y === b.y && a.width === b.width && b.width > 0 && opaque && !underOverlay);
          }),
        );
      }),
    { polling: 50 },
    handle,
  );
  await handle.click();
  return handle;
}
