// Renderer entry: ask who is signed in (and load the app's state if someone is), then render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { i18n } from './components/i18n';
import { errorText } from './components/errors';
import { App } from './App';
import { useAuth } from './features/auth/store';

const root = createRoot(document.getElementById('root') as HTMLElement);

useAuth
  .getState()
  .boot()
  .then(
    () =>
      root.render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    (e: unknown) => {
      const box = document.createElement('p');
      box.className = 'boot-error';
      box.textContent = errorText(i18n.t, e);
      document.body.replaceChildren(box);
    },
  );
