import type { ElementHandle, Page } from 'puppeteer-core';

/**
 * Clicks an element once it is visible, has stopped moving and no toast covers
 * its centre: antd dropdowns and dialogs animate in, and a toast can sit over a
 * button for seconds; a click then lands on something else.
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
            // A toast over the element takes the click; wait for it to go (other overlays are the test's business).
            const [cx, cy] = [b.x + b.width / 2, b.y + b.height / 2];
            const top = document.elementFromPoint(cx, cy);
            const underToast = !!top?.closest('.ant-message, .ant-notification') && !(el as Element).contains(top);
            resolve(a.x === b.x && a.y === b.y && a.width === b.width && b.width > 0 && opaque && !underToast);
          }),
        );
      }),
    { polling: 50 },
    handle,
  );
  await handle.click();
  return handle;
}
