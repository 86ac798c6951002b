#!/usr/bin/env node
import '../dist/bin/pcloud-token.js';
