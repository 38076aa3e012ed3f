// The platform side of message push (channels.md §3.6): signs and encrypts pushes the way WeChat does.
// Written apart from the pack's own code, so each checks the other.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';

export const sha1Sorted = (...parts: string[]) => createHash('sha1').update(parts.sort().join('')).digest('hex');

/** Safe-mode Encrypt: AES-256-CBC, key = base64(EncodingAESKey + "="), IV = key[0..16), PKCS#7 to 32 bytes. */
export function encryptForPush(message: string, encodingAesKey: string, appId: string, random = randomBytes(16)): string {
	const key = Buffer.from(`${encodingAesKey}=`, 'base64');
	const text = Buffer.from(message, 'utf8');
	const length = Buffer.alloc(4);
	length.writeUInt32BE(text.length, 0);
	const plain = Buffer.concat([random, length, text, Buffer.from(appId, 'utf8')]);
	const pad = 32 - (plain.length % 32);
	const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
	return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}
