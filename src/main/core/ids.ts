// Record ids are made on the device (UUIDv7: time-ordered, never clash between devices).
import { uuidv7 } from 'uuidv7';

export const newId = (): string => uuidv7();
