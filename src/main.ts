import './lib/db/start-early'; // first: DuckDB and the sample data start loading before the rest evaluates
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

mount(App, { target: document.getElementById('app')! });
