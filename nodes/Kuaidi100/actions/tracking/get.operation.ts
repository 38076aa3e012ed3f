import { carrierField, phoneField, trackingNoField } from '../../../TrackParcel/shared/fields';
import { trackingGetOperation } from '../../../TrackParcel/shared/operations';

const operation = trackingGetOperation('kuaidi100', [trackingNoField, carrierField('kuaidi100'), phoneField]);

export const description = operation.description;
export const execute = operation.execute;
