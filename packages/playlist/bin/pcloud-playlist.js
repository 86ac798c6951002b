#!/usr/bin/env node
import '../dist/bin/pcloud-playlist.js';
