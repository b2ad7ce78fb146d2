import { render } from 'preact';
import { App, readTargetTab } from './App';
import '../../components/base.css';
import './popup.css';

// Read by `npm run bench`: when the popup's own code starts, to time the clip from there.
document.documentElement.dataset.scriptStartMs = performance.now().toFixed(1);
const reading = readTargetTab();
render(<App reading={reading} />, document.getElementById('app')!);
