import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { TrainerClient, trainerClientFollowConfig } from './trainerClient';
import { testHookInstall } from './testHook';
import { urlOptionsParse } from './urlParams';
import './styles.css';

const options = urlOptionsParse(window.location.search);
const client = new TrainerClient(options.backend);
trainerClientFollowConfig(client);
testHookInstall(client);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} urlNotices={options.notices} />
  </StrictMode>,
);
