// The experiment config in the URL, both ways. Pure: no DOM, so it is tested in Node.
//
// Format (version 1): `?v=1&data=spiral&points=1000&loss=focal&loss.gamma=2&addons=z-reg&z-reg.lambda=0.001`
// - A declarative table gives short keys to the settings people change most (KEYS below).
// - Parameters of the chosen loss, optimizer and schedule are `loss.<param>`, `opt.<param>`,
//   `sched.<param>`; add-ons are `addons=<id>,<id>` (in order) and `<id>.<param>`.
// - Compare runs are `run2.…` to `run6.…` (run 1 is the base run): the same keys for a run's loss,
//   optimizer and training, written where they differ from the base run; `run2.loss` is always
//   written, so `?loss=ce&run2.loss=focal` compares cross-entropy with focal loss.
// - Every other leaf of the config is its dotted path (`metrics.bins=10`, `views.calibration=true`),
//   so a new config field is addressable without touching this file. Lists of plain values are
//   comma-separated.
// - Only values that differ from the defaults are written (a parameter's default is its spec's),
//   plus `v=1`. Numbers are written with `String(n)`, the shortest text that parses back to the
//   same float64, so config → URL → config is the identity.
// A link without `v` is read as the current version, without a notice (links are typed by hand).
// Reading never throws: zod checks each value's shape, `configClamp` makes the result valid, and
// every key that could not be used as given is named in a notice.
// The key table is urlCodecKeys.ts, writing urlCodecWrite.ts and reading urlCodecRead.ts.
export { URL_RESERVED_KEYS, URL_VERSION } from './urlCodecKeys';
export { configToSearch, urlEncode } from './urlCodecWrite';
export { configFromSearch, MAX_NOTICES, noticesCap, type UrlConfig } from './urlCodecRead';
