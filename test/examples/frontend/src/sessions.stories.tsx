import type { Meta, StoryObj } from "@storybook/react-vite";
import { Mix } from "mix-sdk";
import { createMixMock } from "mix-sdk/mock";
import { Sessions } from "./sessions";

const meta: Meta<typeof Sessions> = {
  component: Sessions,
  // No retries: an injected error shows at once.
  args: { mix: new Mix({ retryConfig: { strategy: "none" } }) },
};
export default meta;

// A new mock per story: what one story creates, the next does not see.
export const Seeded: StoryObj<typeof Sessions> = {
  beforeEach({ msw }) {
    msw.use(...createMixMock().handlers);
  },
};

export const Empty: StoryObj<typeof Sessions> = {
  beforeEach({ msw }) {
    msw.use(...createMixMock({ seed: "empty" }).handlers);
  },
};

export const Outage: StoryObj<typeof Sessions> = {
  beforeEach({ msw }) {
    msw.use(...createMixMock({ failRate: 1, failStatus: [503] }).handlers);
  },
};
