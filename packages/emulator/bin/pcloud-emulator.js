#!/usr/bin/env node
import '../dist/bin/pcloud-emulator.js';
