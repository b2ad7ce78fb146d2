import { render } from 'preact';
import { App } from './App';
import '../../components/base.css';
import './editor.css';

render(
  <App token={new URLSearchParams(location.search).get('token') ?? ''} />,
  document.getElementById('app')!,
);
