import { Button, Result, Typography } from 'antd';
import type { BrowserStateView } from '../../../../shared/api/browser';

/**
 * Shown in place of the browser's own error page (English, with codes): why the
 * page did not open, in Chinese, and what the reviewer can do. A certificate
 * fault is never clicked through.
 */
export function NavErrorPage({
  error,
  onRetry,
  onHome,
}: {
  error: NonNullable<BrowserStateView['error']>;
  onRetry: () => void;
  onHome: () => void;
}) {
  return (
    <div style={{ background: '#fff', height: '100%', overflow: 'auto' }} data-testid="nav-error-page">
      <Result
        status="warning"
        title={error.kind === 'certificate' ? '网站证书有问题，未打开此页面' : '此页面未能打开'}
        subTitle={
          <>
            <Typography.Paragraph>{error.message}</Typography.Paragraph>
            <Typography.Text type="secondary" copyable style={{ wordBreak: 'break-all' }}>
              {error.url}
            </Typography.Text>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
              {error.kind === 'certificate'
                ? '证书问题本身可作为考评发现记录；本软件不会忽略证书错误。'
                : '网站无法访问时可截图记录，或稍后重试；单次打不开不等于网站不可用，可用性以监测为准。'}
            </Typography.Paragraph>
          </>
        }
        extra={[
          <Button key="retry" type="primary" onClick={onRetry}>
            重试
          </Button>,
          <Button key="home" onClick={onHome}>
            回到网站首页
          </Button>,
        ]}
      />
    </div>
  );
}
