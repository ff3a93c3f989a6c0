import type { StorybookConfig } from "@storybook/react-vite";

const config: StorybookConfig = {
  stories: ["../src/**/*.stories.tsx"],
  framework: "@storybook/react-vite",
  addons: ["msw-storybook-addon"],
  // public/ holds mockServiceWorker.js (npx msw init public --save).
  staticDirs: ["../public"],
};
export default config;
