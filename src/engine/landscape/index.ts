// The loss-landscape engine: directions, batched surfaces, trajectories and 1-D slices.
export * from './params';
export * from './directions';
export * from './pca';
export * from './evaluate';
export * from './grid';
export * from './trajectory';
export * from './slice';
