import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './app';

dayjs.locale('zh-cn');
// No frame or page scrollbar around the app: the screens size themselves to the window.
document.body.style.margin = '0';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4 } }}>
      {/* Toasts open below the header and the review toolbar, never over the score. */}
      <AntApp message={{ top: 116, maxCount: 3 }}>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
