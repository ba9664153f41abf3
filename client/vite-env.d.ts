// Vite's client types: CSS imports and import.meta.env for the files under client/.
/// <reference types="vite/client" />
