/**
 * Playwright: Debian's Chromium against a real WordPress that tools/e2e-server.mjs starts on its own
 * port with a fresh SQLite database, and stops after.
 */
import { defineConfig } from '@playwright/test';

const port = Number( process.env.HANDOFF_BOT_E2E_PORT || 8889 );

export default defineConfig( {
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: !! process.env.CI,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [ [ 'list' ] ],
	use: {
		baseURL: `http://localhost:${ port }`,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-quic',
				'--no-first-run',
			],
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
