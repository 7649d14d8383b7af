export { ask, askHidden } from "@tribune/cli-kit";
