// The lesson claim tests, split in two files so that they run side by side (see claimSuite.ts).
import { lessonClaimSuite } from './claimSuite';

lessonClaimSuite(1, 2);
