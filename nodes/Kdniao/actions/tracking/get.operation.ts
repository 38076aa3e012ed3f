import { carrierField, phoneField, trackingNoField } from '../../../TrackParcel/shared/fields';
import { trackingGetOperation } from '../../../TrackParcel/shared/operations';
import { monitoredField } from './fields';

const operation = trackingGetOperation('kdniao', [trackingNoField, carrierField('kdniao'), phoneField, monitoredField]);

export const description = operation.description;
export const execute = operation.execute;
