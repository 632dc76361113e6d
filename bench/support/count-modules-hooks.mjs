// Loader hooks for count-modules.mjs: report every module URL loaded.
let port;
export async function initialize(data) {
  port = data.port;
}
export async function load(url, context, nextLoad) {
  port.postMessage(url);
  return nextLoad(url, context);
}
