import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/connect';
import { App, NotConnected } from './app';
import { DesignSession } from './state/design-session';
import './app.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

const connection = connect();

// One design session for the page's life (created outside React: StrictMode renders twice).
const session = 'api' in connection ? new DesignSession(connection.api) : null;

createRoot(container).render(
  <StrictMode>{session ? <App session={session} /> : <NotConnected message={'error' in connection ? connection.error : ''} />}</StrictMode>,
);
