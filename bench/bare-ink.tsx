/**
 * The yardstick for start-up time: a bare Ink app that draws one line, bundled exactly as the
 * game is (scripts/build.mjs builds it into dist/bare-ink.js). It waits until killed, like the
 * game idling on its title screen.
 */
import { render, Text } from 'ink';

render(<Text>bare ink app ready</Text>, { exitOnCtrlC: true, patchConsole: false });
// Keep the process alive so the bench can weigh it and then end it, as it does the game.
setInterval(() => {}, 1 << 30);
