import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/connect';
import { App, NotConnected } from './app';
import './app.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

const connection = connect();

createRoot(container).render(
  <StrictMode>{'api' in connection ? <App api={connection.api} /> : <NotConnected message={connection.error} />}</StrictMode>,
);
