import './app/mantine-styles';
import './app/app.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/app';
import { isExpectedError } from './lib/expected-errors';
import { shareStyleNonce } from './lib/style-nonce';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

shareStyleNonce();

createRoot(container, {
  onCaughtError(error, errorInfo) {
    if (isExpectedError(error)) return;
    console.error(error, errorInfo.componentStack);
  },
}).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
