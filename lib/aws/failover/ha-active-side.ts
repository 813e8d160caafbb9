// The enum is cloud-neutral (NHN Cloud's HaFailoverPort uses it too): it lives in lib/core.
export { HaActiveSide } from '../../core/ha-active-side';
