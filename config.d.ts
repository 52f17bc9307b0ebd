// `import { defineConfig } from "odatagen/config.js"`: the config's types and defineConfig alone,
// whose declarations name no type of Node's (the library's, "odatagen", need @types/node).
export { defineConfig, type OdatagenConfig, type ServiceConfig, type ServiceOptions } from "./dist/config/define-config.js";
