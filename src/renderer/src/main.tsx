import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './i18n';
import './styles/fonts.css';
import './styles/base.css';
import './styles/kiosk.css';
import './styles/desk.css';
import './styles/calling.css';
import './styles/arrivals.css';
import './styles/face.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
