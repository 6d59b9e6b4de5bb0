import { describeLearning } from './learningSuite';

describeLearning('gauss');
