/// <reference types="astro/client" />
declare namespace App {
  interface Locals {
    /** source ids in order of first citation on the page being rendered (set by the essay page) */
    citeOrder?: string[];
  }
}
