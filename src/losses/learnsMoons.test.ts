import { describeLearning } from './learningSuite';

describeLearning('moons');
