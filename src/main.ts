import { mount } from 'svelte';
import App from './App.svelte';
import { startApp } from '$lib/state/app.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');
startApp();
export default mount(App, { target });
