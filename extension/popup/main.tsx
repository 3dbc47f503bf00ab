import { render } from 'preact';
render(<p>Blockwatch</p>, document.getElementById('app')!);
