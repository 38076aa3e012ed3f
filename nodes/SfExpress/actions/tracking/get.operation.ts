import type { INodeProperties } from 'n8n-workflow';
import { phoneField, trackingNoField } from '../../../TrackParcel/shared/fields';
import { trackingGetOperation } from '../../../TrackParcel/shared/operations';

const sfPhoneField: INodeProperties = {
	...phoneField,
	description: "The last 4 digits of the sender's or receiver's phone (checkPhoneNo). SF requires them for waybills your partner account did not create.",
};

const operation = trackingGetOperation('sf', [trackingNoField, sfPhoneField], 'sf');

export const description = operation.description;
export const execute = operation.execute;
