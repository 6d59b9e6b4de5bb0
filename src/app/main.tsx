import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { TrainerClient, trainerClientFollowConfig } from './trainerClient';
import { SurveyorClient } from './surveyorClient';
import { landscapeFollow } from './landscapeFollow';
import { testHookInstall } from './testHook';
import { urlOptionsParse } from './urlParams';
import { urlSyncStart } from './urlSync';
import { urlRepairNotices } from './urlRepair';
import './styles.css';

const options = urlOptionsParse(window.location.search);
// The config comes from the URL before the workers are configured, and follows it from then on.
urlSyncStart();
const client = new TrainerClient(options.backend);
const surveyor = new SurveyorClient(options.backend);
trainerClientFollowConfig(client);
landscapeFollow(client, surveyor);
testHookInstall(client, surveyor);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} urlNotices={[...urlRepairNotices, ...options.notices]} />
  </StrictMode>,
);
