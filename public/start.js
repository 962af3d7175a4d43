// Starts the page: trunk's bootstrap as a file of its own, so that the Content-Security-Policy
// needs no inline script (index.html). Trunk.toml's `pattern_script` writes the tag that loads
// this file, with the hashed names of the page's JavaScript and wasm in its data attributes.
const tag = document.querySelector('script[data-app-js]');
const { default: init } = await import(tag.dataset.appJs);
await init({ module_or_path: tag.dataset.appWasm });
