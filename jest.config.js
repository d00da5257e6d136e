const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const TEST_MATCH = {
  unit: ["**/src/**/__tests__/**/*.unit.spec.[jt]s", "**/integration-tests/unit/**/*.unit.spec.[jt]s"],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
  contract: ["**/integration-tests/contract/**/*.spec.[jt]s"],
}

const testType = process.env.TEST_TYPE
if (testType && !TEST_MATCH[testType]) {
  throw new Error(
    `Unknown TEST_TYPE "${testType}". Use one of: ${Object.keys(TEST_MATCH).join(", ")}`
  )
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true, tsx: true },
          transform: { react: { runtime: "automatic" } },
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
  setupFiles: ["./integration-tests/setup.js"],
  globalSetup: "./integration-tests/global-setup.cjs",
  globalTeardown: "./integration-tests/global-teardown.cjs",
  testMatch: testType ? TEST_MATCH[testType] : Object.values(TEST_MATCH).flat(),
  // module tests live next to the module but are not unit tests
  testPathIgnorePatterns: testType === "integration:modules" ? ["\\.unit\\.spec\\.[jt]s$"] : [],
}
