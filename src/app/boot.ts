// The page's entry. The link is repaired first (urlRepair.ts), and only then is the app loaded:
// tfjs-core reads the link as it loads and throws on a malformed %-escape, and a static import
// cannot run first, since the bundler may place tfjs-core in a chunk evaluated before this one.
import './urlRepair';

void import('./main');
