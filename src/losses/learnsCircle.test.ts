import { describeLearning } from './learningSuite';

describeLearning('circle');
