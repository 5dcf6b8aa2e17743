import { startPagina, magPagina } from './kop.js';

const sessie = await startPagina();
// Only the dashboards of the user's roles; without the session API (development) all of them.
for (const tegel of document.querySelectorAll('#tegels [data-pagina]')) tegel.hidden = !magPagina(sessie, tegel.dataset.pagina);
