import type { TrainingData } from '../engine/trainingData';
import { SPLIT_ROLE, type DataPoints } from './protocol';

/** What the main thread draws of the data: the points, their roles, and where they sit on the boundary's plane. */
export function dataPoints(data: TrainingData, planeSerial: number): DataPoints {
  const { dataset, split, plane } = data;
  const role = new Uint8Array(dataset.y.length);
  for (const i of split.validation) role[i] = SPLIT_ROLE.validation;
  for (const i of split.test) role[i] = SPLIT_ROLE.test;
  const flipped = new Uint8Array(dataset.y.length);
  for (const i of data.flipped) flipped[i] = 1;
  return {
    x: dataset.x.slice(),
    y: dataset.y.slice(),
    role,
    flipped,
    features: dataset.features,
    classes: dataset.classes,
    plane: plane.coordinates.slice(),
    extent: plane.extent,
    axes: plane.axes,
    view: plane.view,
    planeSerial,
    featureNames: data.featureNames,
    classNames: data.classNames,
    added: data.added,
    ...(data.regression ? { targets: data.regression.all.slice() } : {}),
  };
}
