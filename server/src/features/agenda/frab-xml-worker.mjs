// Reads pretalx/Frab XML in a worker thread, so that a large or hostile file keeps only this
// thread busy (see frab-xml.ts). Plain JavaScript: a worker starts without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const listPaths = new Set([
  'schedule.day',
  'schedule.day.room',
  'schedule.day.room.event',
  'schedule.day.room.event.persons.person',
]);

// Entities stay off: with no DTD allowed, only the five predefined ones and character
// references can occur, and frab-import.ts decodes those itself in one pass.
const parser = new XMLParser({
  processEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  maxNestedTags: 20,
  isArray: (_name, jPath) => listPaths.has(String(jPath)),
});

const xml = String(workerData);
const valid = XMLValidator.validate(xml);
if (valid !== true) {
  parentPort.postMessage({ invalid: { msg: valid.err.msg, line: valid.err.line } });
} else {
  try {
    parentPort.postMessage({ document: parser.parse(xml) });
  } catch (err) {
    parentPort.postMessage({ unreadable: err instanceof Error ? err.message : String(err) });
  }
}
