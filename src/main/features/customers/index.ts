// What the customer kinds (companies, contacts) and their neighbours (activities, trash, tags)
// use from the shared customer code.
export { customerChannels } from './channels';
export { TABLE_OF, type CustomerKind, type CustomerSpec } from './kinds';
export { invalidField } from './errors';
export { cutPage, decodeCursor } from './cursor';
export { refreshLastContacted } from './last-contacted';
