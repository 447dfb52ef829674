/**
 * Playwright: Debian's Chromium against a real WordPress that tools/e2e-server.mjs starts on its own
 * port with a fresh SQLite database, and stops after.
 */
import { defineConfig } from '@playwright/test';

// Debian's Chromium, with the flags this offline machine needs (shared with the benchmark).
import chromium from './tools/chromium.json';

const port = Number( process.env.HANDOFF_BOT_E2E_PORT || 8889 );

export default defineConfig( {
	testDir: 'tests/e2e',
	outputDir: process.env.HANDOFF_BOT_E2E_OUTPUT || 'test-results',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: !! process.env.CI,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [ [ 'list' ] ],
	use: {
		baseURL: `http://localhost:${ port }`,
		// A click or a choice that cannot happen fails in seconds, saying which, rather than at the
		// test's timeout.
		actionTimeout: 20_000,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath:
				process.env.CHROMIUM_PATH || chromium.executablePath,
			args: chromium.args,
		},
	},
	webServer: {
		command: `node tools/e2e-server.mjs --port ${ port }`,
		url: `http://localhost:${ port }/wp-login.php`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		stderr: 'pipe',
	},
} );
