/**
 * A quiet fake of electron-log's default export. Like electron-log, hooks run on every message
 * and the file transport knows its path.
 */
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const file = { getFile: () => ({ path: '/tmp/electron-mock/logs/main.log' }) };

export default { transports: { file }, hooks: [], scope: () => quiet };
